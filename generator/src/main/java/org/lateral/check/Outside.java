package org.lateral.check;

import java.net.URI;

/**
 * One use of an outside address, to be fetched with {@code --external}: where it is written, and
 * a note on the pages it shows on when it comes from a template.
 *
 * @param at      where it is written
 * @param uri     the address
 * @param picture whether it is shown as a picture
 * @param note    added to the message (" on 12 pages, such as /2024/03/oracy/"); may be empty
 */
record Outside(Place at, URI uri, boolean picture, String note) {
}
