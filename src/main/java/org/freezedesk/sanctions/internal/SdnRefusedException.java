package org.freezedesk.sanctions.internal;

import org.freezedesk.input.InputRefusedException;

/** An SDN file that is not one: answered 400 naming the file, and nothing is stored. */
class SdnRefusedException extends InputRefusedException {

    SdnRefusedException(String message) {
        super("file", message);
    }
}
