/**
 * The professional-learning record: a {@code cpd:} record on any page (hours, type, standards,
 * impact, evidence, private), the standards frameworks and reflective models (data files a site
 * can add to), the record by academic year and term with its totals, SVG chart and CSV/JSON
 * exports, professional learning projects (series with reflect, act and review stages) and the
 * archetypes {@code lateral new} writes from. No third-party library except Jackson (JSON export).
 */
package org.lateral.cpd;
