import java.nio.file.Files
import org.jsoup.Jsoup

// mvn lateral:serve served the site under its path with the live script, showed an edit, stopped cleanly on
// a termination signal, and wrote nothing into target/site-output nor the script into its own files.
def site = basedir.toPath()
def report = site.resolve('target/serve-report.txt').toFile().getText('UTF-8')
assert report.contains('home 200') : report
assert report.contains('edited 200') : report
assert report.contains('stopping 1') : report

def home = Jsoup.parse(site.resolve('target/served-home.html').toFile().getText('UTF-8'))
assert home.title().contains("Ms Rees")
assert home.select('script[src=/reflections/_lateral/live.js]').size() == 1
def edited = Jsoup.parse(site.resolve('target/served-after-edit.html').toFile().getText('UTF-8'))
assert edited.text().contains('Edited while serving: retrieval practice')

def log = site.resolve('build.log').toFile().getText('UTF-8')
assert log =~ /Preview at http:\/\/127\.0\.0\.1:\d+\/reflections\/ — Ctrl-C to stop/
assert log.contains('content/posts/inset-day.md changed')
assert log.contains('Stopped.')
assert log.contains('BUILD SUCCESS')

assert !Files.exists(site.resolve('target/site-output'))
assert !Files.exists(site.resolve('public'))
def built = site.resolve('target/lateral-serve/site/index.html').toFile().getText('UTF-8')
assert !built.contains('_lateral')
return true
