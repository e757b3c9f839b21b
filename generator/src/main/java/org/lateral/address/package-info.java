/**
 * {@link org.lateral.address.Address}: where a page, a list, a feed or a hub page lives (URL,
 * permalink, file written). A leaf: it imports nothing of Lateral's, so the site model, the
 * taxonomies, the hub's model, the feeds and the planners all use the one type.
 */
package org.lateral.address;
