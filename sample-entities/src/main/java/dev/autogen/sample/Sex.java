package dev.autogen.sample;

public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN
}
