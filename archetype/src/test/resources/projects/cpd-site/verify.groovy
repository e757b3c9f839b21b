// Runs in the generated project after `mvn package` (goal.txt): the site is built, and it is
// the site the school asked for, with its first reflection on the home page and in the feed.
// basedir is this test's folder; archetype:generate wrote the project into project/<artifactId>.
def project = new File(basedir, 'project/cpd-site')
def out = new File(project, 'target/site-output')
assert new File(project, 'pom.xml').isFile()
assert new File(project, 'site.yaml').getText('UTF-8').contains('title: "Cwm Eithin CPD"')
assert new File(project, 'site.yaml').getText('UTF-8').contains('baseUrl: "https://cpd.cwm-eithin.example/"')
// the default theme, with a note showing how to set the colour and the logo
assert new File(project, 'site.yaml').getText('UTF-8').contains('# theme: { name: default, accent: "#1d6b57", logo: logo.svg }\ntheme: default\n')
// the build cache is beside the output, never in it, and git ignores it (and target/) in the new project
assert new File(project, 'target/lateral-cache/build').isDirectory()
assert !new File(out, 'lateral-cache').exists() && !new File(out, '.lateral-cache').exists()
def ignored = new File(project, '.gitignore').readLines('UTF-8')
assert ignored.contains('target/') && ignored.contains('.lateral-cache/') : "the project's .gitignore: $ignored"
['index.html', 'about/index.html', 'feed.xml'].each { assert new File(out, it).isFile() : "missing target/site-output/$it" }

def home = new File(out, 'index.html').getText('UTF-8')
assert home =~ /<title>[^<]*Cwm Eithin CPD[^<]*<\/title>/
assert home.contains('My first reflection')
def about = new File(out, 'about/index.html').getText('UTF-8')
assert about.contains('About Cwm Eithin CPD')

// The feed is XML: parse it and find the post, its body with the headings Velocity must not eat.
def feed = new groovy.xml.XmlSlurper(false, true).parse(new File(out, 'feed.xml'))
def titles = feed.entry.title*.text()
assert titles == ['My first reflection'] : "feed entries: $titles"
def post = feed.entry[0]
def link = post.link.find { it.@rel.text() in ['', 'alternate'] }.@href.text()
assert link.startsWith('https://cpd.cwm-eithin.example/')
def page = new File(out, link.substring('https://cpd.cwm-eithin.example/'.length()) + 'index.html')
assert page.isFile() : "no page for the first post at $page"
def html = page.getText('UTF-8')
assert html.contains('<h2 id="what-i-tried">') && html.contains('What I tried</a></h2>')
assert html.contains('Writing the next one')
assert !html.contains('$h2') && !html.contains('${')
return true
