import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files

// Runs beside the Maven that the invoker starts: waits for "Preview at …" in build.log, looks at the
// preview, edits the post, waits (boundedly) for the edit to be served, and stops that Maven with a
// termination signal (what Ctrl-C does). Whatever happens, it stops it within two minutes.
def site = basedir.toPath()
def target = site.resolve('target')
Files.createDirectories(target)
def log = site.resolve('build.log')
def report = target.resolve('serve-report.txt')
Thread.start('serve-it-driver') {
    def lines = []
    def deadline = System.currentTimeMillis() + 120_000
    try {
        String address = null
        while (address == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(200)
            if (Files.exists(log)) {
                def m = (log.toFile().getText('UTF-8') =~ /Preview at (http:\/\/127\.0\.0\.1:\d+\/\S*)/)
                if (m.find()) {
                    address = m.group(1)
                }
            }
        }
        lines << "address ${address}"
        def http = HttpClient.newHttpClient()
        def get = { String url -> http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()) }
        def home = get(address)
        Files.writeString(target.resolve('served-home.html'), home.body())
        lines << "home ${home.statusCode()}"
        def post = site.resolve('content/posts/inset-day.md')
        Files.writeString(post, post.toFile().getText('UTF-8').replace('Retrieval practice', 'Edited while serving: retrieval practice'))
        def page = null
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(200)
            page = get(address + '2024/09/inset-day/')
            if (page.statusCode() == 200 && page.body().contains('Edited while serving')) {
                break
            }
        }
        Files.writeString(target.resolve('served-after-edit.html'), page == null ? '' : page.body())
        lines << "edited ${page?.statusCode()}"
    } catch (Throwable t) {
        lines << "failed ${t}"
    } finally {
        // the Maven JVM itself (not the shell script that started it), as Ctrl-C reaches it
        def mavens = ProcessHandle.current().descendants().filter { p ->
            p.info().command().map { it.endsWith('java') }.orElse(false) &&
                p.info().commandLine().map { it.contains('lateral:serve') && it.contains('lateral.port=0') }.orElse(false)
        }.toList()
        lines << "stopping ${mavens.size()}"
        mavens.each { lines << "process ${it.info().command().orElse('?')}"; it.destroy() }
        Files.writeString(report, lines.join('\n') + '\n')
    }
}
return true
