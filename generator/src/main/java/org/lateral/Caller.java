package org.lateral;

/**
 * The tool a person is using to run Lateral, so that a message's fix names a command they can
 * type there: {@code lateral new site my-cpd-blog} on the command line, the archetype or
 * {@code mvn lateral:new} in Maven. Requests carry it; the messages are written here, once.
 */
public enum Caller {

    /** The {@code lateral} command (and the API used directly). */
    COMMAND_LINE(
            "run the command inside your site's folder, give the folder as an argument,"
                    + " or create a new site with: lateral new site my-cpd-blog",
            "run this inside your site's folder (the one holding site.yaml)",
            "choose a new folder name, e.g. lateral new site my-cpd-blog",
            "choose one of them, e.g. lateral new site my-cpd-blog --theme %s"),

    /** The Maven plugin ({@code mvn package}, {@code mvn lateral:…}). */
    MAVEN(
            "put site.yaml beside the pom.xml (or point -Dlateral.siteDir at the folder holding it);"
                    + " to start a new site run mvn lateral:new -Dlateral.new=site in this folder, or make a new project with"
                    + " mvn archetype:generate -DarchetypeGroupId=org.lateral -DarchetypeArtifactId=lateral-site-archetype"
                    + " -DarchetypeVersion=" + Lateral.version() + " -DgroupId=org.example.school -DartifactId=cpd-site",
            "run this beside your site's pom.xml and site.yaml (or point -Dlateral.siteDir at the folder holding"
                    + " site.yaml); to start a new site here, run mvn lateral:new -Dlateral.new=site",
            "start the site in a new or empty folder (one holding only a pom.xml is fine), e.g."
                    + " mvn lateral:new -Dlateral.new=site -Dlateral.siteDir=my-cpd-blog",
            "choose one of them, e.g. mvn lateral:new -Dlateral.new=site -Dlateral.theme=%s"
                    + " (or -Dtheme=%1$s with the archetype)");

    private final String noSiteFix;
    private final String noSiteForPostFix;
    private final String folderNotEmptyFix;
    private final String themeFix;

    Caller(String noSiteFix, String noSiteForPostFix, String folderNotEmptyFix, String themeFix) {
        this.noSiteFix = noSiteFix;
        this.noSiteForPostFix = noSiteForPostFix;
        this.folderNotEmptyFix = folderNotEmptyFix;
        this.themeFix = themeFix;
    }

    /** The fix for "there is no site.yaml" when building or aggregating. */
    public String noSiteFix() {
        return noSiteFix;
    }

    /** The fix for "there is no site.yaml" when making a new post. */
    public String noSiteForPostFix() {
        return noSiteForPostFix;
    }

    /** The fix for a new site's folder that already holds files of its own. */
    public String folderNotEmptyFix() {
        return folderNotEmptyFix;
    }

    /** The end of the fix for a new site's theme Lateral does not ship: how to name {@code example} instead. */
    public String themeFix(String example) {
        return String.format(java.util.Locale.ROOT, themeFix, example);
    }
}
