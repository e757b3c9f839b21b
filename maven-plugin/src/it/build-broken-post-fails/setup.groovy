import java.nio.file.Files
import java.nio.file.StandardCopyOption
import org.lateral.BuildRequest
import org.lateral.Lateral

// Yesterday: the site built cleanly into the plugin's default output folder.
def site = basedir.toPath()
def out = site.resolve('target/site-output')
Lateral.build(BuildRequest.of(site).withOutput(out))
Files.copy(out.resolve('index.html'), site.resolve('target/index-before.html'), StandardCopyOption.REPLACE_EXISTING)

// Today: the teacher adds a post whose date cannot be read.
Files.copy(site.resolve('broken/teachmeet.md'), site.resolve('content/posts/teachmeet.md'))
return true
