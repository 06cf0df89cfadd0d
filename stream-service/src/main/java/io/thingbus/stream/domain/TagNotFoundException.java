package io.thingbus.stream.domain;

/** The channel neither knows the tag nor holds points of it. */
public final class TagNotFoundException extends StreamException {

    public TagNotFoundException(Tag tag) {
        super("no tag " + tag + " in the channel");
    }
}
