import org.eclipse.jgit.api.Git

// The school's publishing remote: an empty bare repository, as on a fresh GitHub project.
Git.init().setBare(true).setInitialBranch('main').setDirectory(new File(basedir, 'remote.git')).call().close()
return true
