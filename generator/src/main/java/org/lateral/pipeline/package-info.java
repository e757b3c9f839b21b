/**
 * One build, phase by phase: {@link org.lateral.pipeline.SiteBuilder} loads, converts, assembles,
 * plans the output files ({@code OutputPlanner}, one {@link org.lateral.pipeline.Job} per file),
 * renders them in parallel into a staged output and swaps it in. {@link org.lateral.pipeline.HubBuilder}
 * runs a hub the same way, with the members' feeds ({@code aggregate.HubCollector}) as the source of
 * pages and {@code HubPlanner} deciding its files. Orchestration only: each phase's work lives in
 * its own package.
 */
package org.lateral.pipeline;
