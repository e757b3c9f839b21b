// No -DsiteTitle: the title is the artifactId in words. goal.txt runs the short goal lateral:build,
// which resolves with no pluginGroup in the settings because the generated pom names the plugin.
// basedir is this test's folder; archetype:generate wrote the project into project/<artifactId>.
def project = new File(basedir, 'project/cpd-site')
def site = new File(project, 'site.yaml').getText('UTF-8')
assert site.contains('title: "Cpd site"') : site
def home = new File(project, 'target/site-output/index.html').getText('UTF-8')
assert home =~ /<title>[^<]*Cpd site[^<]*<\/title>/
assert home.contains('My first reflection')
return true
