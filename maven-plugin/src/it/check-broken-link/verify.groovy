def log = new File(basedir, 'build.log').getText('UTF-8')

// The site was built (package), then checked (verify): the teacher's line, as the command line prints it.
assert log.contains('[ERROR] content/posts/links-to-tidy.md:7:7: error: this link goes to a page that does not exist'
        + ' (/2024/10/retrieval-reviewed/) — fix: did you mean /2024/10/retrieval-review/?')
assert log.contains('Checked ')
assert log.contains('BUILD FAILURE')
assert !log.contains('MojoExecutionException')

// The JUnit report under target/ has the error as a failed test at its file and line.
def report = new File(basedir, 'target/lateral-check/TEST-lateral-check.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
def failed = suite.testsuite.testcase.findAll { it.failure.size() > 0 && it.@file == 'content/posts/links-to-tidy.md' }
assert failed.size() == 1
assert failed[0].@line == '7'
return true
