/**
 * The one vocabulary of output kinds ({@link org.lateral.plan.Kind}): what planners make, what
 * templates see as {@code kind}, and what {@code disableKinds} switches off. A leaf: it imports
 * nothing of Lateral's, so configuration, the site model and the planners can all use it.
 */
package org.lateral.plan;
