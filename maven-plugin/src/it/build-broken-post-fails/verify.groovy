def log = new File(basedir, 'build.log').getText('UTF-8')

// The teacher-readable line, exactly as the command line prints it, logged as an error...
assert log.contains('[ERROR] content/posts/teachmeet.md:3:7: error: the date "31/02/2024" cannot be read — fix: ')
assert log.contains('[ERROR] 1 error; nothing was written.')
// ...and the build fails as a failure in the user's input, not as a fault of the plugin.
assert log.contains('BUILD FAILURE')
assert !log.contains('MojoExecutionException')

// Yesterday's site is still there, byte for byte.
def out = new File(basedir, 'target/site-output')
assert new File(out, 'index.html').bytes == new File(basedir, 'target/index-before.html').bytes
assert new File(out, '2024/09/inset-day/index.html').isFile()
assert !out.listFiles().any { it.name == '2024' && new File(it, '02').exists() }
return true
