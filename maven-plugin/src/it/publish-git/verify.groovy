import org.eclipse.jgit.api.Git
import org.eclipse.jgit.revwalk.RevWalk
import org.eclipse.jgit.treewalk.TreeWalk

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log.contains('--- lateral-maven-plugin:') && log.contains(':publish (default) @ publish-git ---')
assert log =~ /\[INFO\] Published to .*remote\.git\/? \(branch gh-pages\) as commit [0-9a-f]{7}: \d+ added, 0 changed, 0 removed\./

def remote = new File(basedir, 'remote.git')

// Read back with the git command...
def git = { String... args ->
    def p = (['git', '--git-dir', remote.path] + args.toList()).execute()
    def out = p.inputStream.getText('UTF-8')
    assert p.waitFor() == 0 : p.errorStream.getText('UTF-8')
    out.trim()
}
def files = git('ls-tree', '-r', '--name-only', 'gh-pages').readLines()
assert files.contains('index.html')
assert files.contains('2024/09/inset-day/index.html')
assert files.contains('.nojekyll')
assert files.contains('CNAME')
assert !files.contains('.lateral-output')
assert git('show', 'gh-pages:CNAME') == 'cpd.ysgol.example'
assert git('rev-list', '--count', 'gh-pages') == '1'
assert git('log', '-1', '--format=%s', 'gh-pages') == 'Publish the CPD site'

// ...and with JGit: the page is the one built into target/site-output.
def repo = Git.open(remote).repository
def walk = new RevWalk(repo)
def tree = walk.parseCommit(repo.resolve('refs/heads/gh-pages')).tree
def tw = TreeWalk.forPath(repo, '2024/09/inset-day/index.html', tree)
def bytes = repo.open(tw.getObjectId(0)).bytes
assert bytes == new File(basedir, 'target/site-output/2024/09/inset-day/index.html').bytes
assert new String(bytes, 'UTF-8').contains('What the staff planned for the year.')
tw.close(); walk.close(); repo.close()
return true
