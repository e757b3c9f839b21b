/**
 * The community data a teacher's site publishes for the hubs that read it: offers and requests of
 * the swap-shop ({@link Swap}, an {@code offer:} or {@code request:} block in a post's front
 * matter, read by {@link SwapParser}), a peer-mentoring profile ({@link Mentoring}, site.yaml's
 * {@code mentoring:}, read by {@link MentoringReader}), and the file both travel in,
 * {@code community.json} ({@link CommunityData}, written and read by {@link CommunityFile}; the
 * format is in {@code docs/community.md}). Jackson writes and reads the file here.
 */
package org.lateral.community;
