import java.nio.file.Files
import org.lateral.Lateral
import org.lateral.PublishRequest

// Last term: the site was published into the web folder with the old post in it.
def site = basedir.toPath()
Lateral.publish(PublishRequest.of(site).withOutput(site.resolve('target/site-output')).withEnv([:]))
assert Files.isRegularFile(site.resolve('www/cpd/2024/06/old-news/index.html'))
// This term: the old post is gone from content/.
Files.delete(site.resolve('content/posts/old-news.md'))
return true
