// -Dtheme=school: site.yaml names the school theme with its options to fill in (as
// lateral new site --theme school writes them), and the built site uses it: the school's name in
// its header and the programme-style home page. basedir is this test's folder.
def project = new File(basedir, 'project/staff-cpd')
def site = new File(project, 'site.yaml').getText('UTF-8')
assert site.contains('theme:\n  name: school\n  school: "Our school"\n  crest: ""\n') : site
assert !site.contains('theme: default') && !site.contains('#if') && !site.contains('#end') : site
def home = new File(project, 'target/site-output/index.html').getText('UTF-8')
assert home =~ /<header class="[^"]*school-header/ : 'no school header on the home page'
assert home =~ /class="school-name"[^>]*>\s*Our school\s*</ : 'the school name is not in the header'
assert home =~ /<h2[^>]*>\s*Latest staff reflections\s*<\/h2>/ : 'no programme-style home page'
assert home =~ /<title>[^<]*Ysgol Cwm Eithin staff CPD[^<]*<\/title>/
return true
