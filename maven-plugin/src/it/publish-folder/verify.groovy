import java.nio.file.Files

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] Published to .*www\/cpd: 0 added, \d+ changed, \d+ removed\./

def www = new File(basedir, 'www/cpd').toPath()
def out = new File(basedir, 'target/site-output').toPath()
def files = { root -> Files.walk(root).filter { Files.isRegularFile(it) }.collect { root.relativize(it).toString() }.sort() }
// The folder holds exactly the site: the removed post's pages and its tag are gone.
assert files(www) == files(out)
assert !Files.exists(www.resolve('2024/06/old-news'))
assert !Files.exists(www.resolve('tags/archive-me'))
assert Files.isRegularFile(www.resolve('2024/09/inset-day/index.html'))
// Nothing beside it was touched or left behind.
assert new File(basedir, 'www').list().toList() == ['cpd']
return true
