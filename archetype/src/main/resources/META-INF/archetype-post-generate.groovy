// Runs after archetype:generate has written the project: a theme Lateral does not ship (a typing
// slip in -Dtheme=...) is refused here, naming the themes there are, and the half-made project is
// removed, rather than left to fail at its first build. Keep the list as ThemeLoader.BUILT_IN.
def themes = ['default', 'school']
def theme = request.properties.getProperty('theme', 'default')
if (!(theme in themes)) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("error: there is no theme \"" + theme + "\" to start a site with;"
            + " the themes Lateral ships are " + themes.join(' and ')
            + " — fix: run mvn archetype:generate again with " + themes.collect { "-Dtheme=" + it }.join(' or ')
            + " (or leave -Dtheme out for the default theme; your own theme can be set in site.yaml later)")
}
