<#ftl output_format="plainText">
<#-- The weekly digest as plain text, for mailing lists and mail programs without HTML. -->
${site.title} · ${t("hub_digest")}
${t("hub_digest_range", formatDate(digest.start), formatDate(digest.lastDay()))}: ${t("hub_digest_summary", digest.count(), digest.sections?size)}
<#if digest.featured?has_content>

== ${t("hub_featured")} ==
<#list digest.featured as e>

* ${e.title} (${hub.member(e).name}, ${formatDate(e.published)})
<#if e.link??>  ${e.link}
</#if>
</#list>
</#if>
<#list digest.sections as s>

== ${s.member.name} ==
<#list s.entries as e>

* ${e.title} (${formatDate(e.published)})
<#if e.link??>  ${e.link}
</#if>
<#if e.summary?has_content>  ${e.summary}
</#if>
</#list>
<#if s.more gt 0>

${t("hub_digest_more", s.more, s.member.name)}: ${site.absUrl(s.member.path())}
</#if>
<#else>

${t("hub_digest_empty")}
</#list>
<#if network?? && network.comingUp()?has_content>

== ${t("events_coming_up")} ==
<#list network.comingUp() as e>

* ${e.title}<#if e.cancelled> (${t("event_badge_cancelled")})</#if>: ${formatDate(e.start, t("hub_event_date_pattern"))}<#if !e.allDay>, ${formatDate(e.start, "HH:mm")}</#if><#if e.location??>, ${e.location}</#if> (${e.member})
<#if e.url??>  ${e.url}
</#if>
</#list>
</#if>
<#if community?? && community.newIn(digest)?has_content>

== ${t("hub_swap_new")} ==
<#list community.newIn(digest) as l>

* ${l.item.title} (${t(l.offer?then("swap_offer", "swap_request"))}, ${l.member.name}): ${l.item.topics?join(", ")}<#if l.item.until??>, ${t("swap_until", formatDate(l.item.until))}</#if>
  ${l.item.url}
</#list>
</#if>

--
${t("hub_digest_footer", site.title)} ${site.absUrl('digest/')}
