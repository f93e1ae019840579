package io.switchboard.app.directory;

import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/** A person's round picture: their directory photo, or their initials on a coloured disc. */
final class Avatar {

    private Avatar() {
    }

    static Node of(DirectoryResult person, double size) {
        StackPane avatar = new StackPane();
        avatar.getStyleClass().add("directory-avatar");
        avatar.setMinSize(size, size);
        avatar.setPrefSize(size, size);
        avatar.setMaxSize(size, size);
        Optional<Image> photo = person.photo();
        if (photo.isPresent()) {
            ImageView view = new ImageView(photo.get());
            view.setFitWidth(size);
            view.setFitHeight(size);
            view.setPreserveRatio(true);
            view.setClip(new Circle(size / 2, size / 2, size / 2));
            avatar.getChildren().add(view);
        } else {
            Circle disc = new Circle(size / 2);
            disc.getStyleClass().add("directory-avatar-disc");
            Label initials = new Label(person.initials());
            initials.getStyleClass().add("directory-avatar-initials");
            initials.setStyle("-fx-font-size: " + Math.round(size * 0.38) + "px;");
            avatar.getChildren().addAll(disc, initials);
        }
        return avatar;
    }
}
