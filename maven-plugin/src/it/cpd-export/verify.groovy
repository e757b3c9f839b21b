import org.jsoup.Jsoup

def out = new File(basedir, 'target/site-output')
def log = new File(basedir, 'build.log').getText('UTF-8')

def cpd = Jsoup.parse(new File(out, 'cpd/index.html'), 'UTF-8')
assert cpd.select('.cpd-total').text().startsWith('2 hours of professional learning in 1 activity')
assert new File(out, 'cpd/2024-25.csv').getText('UTF-8').contains('TeachMeet Caerdydd')
assert !new File(out, 'cpd/2024-25.csv').getText('UTF-8').contains('Coaching with my mentor')
assert !new File(out, '2025/01/coaching').exists() : 'a private record is never published'

assert log.contains('[INFO] Professional learning 2024-25: 2 hours, 1 activity (goal 30 hours: 6 %)')
def csv = new File(basedir, 'target/my-cpd-2024-25.csv').getText('UTF-8')
assert csv.contains('2025-01-20,Coaching with my mentor,coaching,1.5,pedagogy,,,')
assert csv.contains('2024-10-03,TeachMeet Caerdydd,teachmeet,2,collaboration,,,https://example.org/2024/10/teachmeet/')
return true
