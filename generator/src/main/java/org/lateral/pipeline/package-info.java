/**
 * One build, phase by phase: {@link org.lateral.pipeline.Session} loads, converts, assembles,
 * plans the output files ({@code OutputPlanner}, one {@code plan.Output} per file), renders them in
 * parallel into a staged output and swaps it in. {@link org.lateral.pipeline.HubBuilder} runs a hub
 * the same way, with the members' feeds ({@code aggregate.HubCollector}) as the source of its
 * listings ({@code aggregate.HubListings}), planned by the same {@code OutputPlanner}. Orchestration only: each phase's work lives in
 * its own package.
 */
package org.lateral.pipeline;
