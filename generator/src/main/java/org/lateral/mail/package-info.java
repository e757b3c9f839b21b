/**
 * E-mail: {@code lateral digest send} sends the hub's latest weekly digest through the SMTP server
 * of {@code hub.mail} ({@link MailConfig}) with Jakarta Mail (Eclipse Angus), which only this
 * package uses ({@link DigestMailer}); {@link SentWeeks} remembers which weeks went out.
 */
package org.lateral.mail;
