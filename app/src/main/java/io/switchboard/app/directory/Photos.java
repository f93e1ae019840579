package io.switchboard.app.directory;

import io.switchboard.core.model.DirectoryEntry;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javafx.scene.image.Image;

/**
 * Directory photos as images, decoded on the directory's thread with the page that brought them:
 * a few hundred KiB of JPEG per person is too much to decode on the UI thread as rows scroll.
 */
final class Photos {

    /** Decoded at twice the largest size shown (the card's 64 px), sharp on HiDPI screens. */
    private static final double DECODED_SIZE = 128;

    private Photos() {
    }

    /** Empty without a photo, or when the bytes are no picture. */
    static Optional<Image> decode(DirectoryEntry entry) {
        return entry.photo().map(bytes -> new Image(new ByteArrayInputStream(bytes), DECODED_SIZE, DECODED_SIZE,
                true, true)).filter(image -> !image.isError());
    }
}
