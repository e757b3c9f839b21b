def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('This plugin has 10 goals:')
['lateral:build', 'lateral:serve', 'lateral:aggregate', 'lateral:publish', 'lateral:import', 'lateral:new', 'lateral:check', 'lateral:cpd', 'lateral:digest-send', 'lateral:help'].each { assert log.contains(it) : "help lists $it" }
return true
