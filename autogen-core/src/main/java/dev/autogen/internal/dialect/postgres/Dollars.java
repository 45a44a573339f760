package dev.autogen.internal.dialect.postgres;

/** Dollar quoting with a tag that the quoted text cannot contain, so no name inside can end the quote. */
final class Dollars {

    private Dollars() {}

    static String quote(String body) {
        String tag = "$autogen$";
        for (int n = 1; (body + tag).indexOf(tag) != body.length(); n++) {
            tag = "$autogen" + n + "$";
        }
        return tag + body + tag;
    }
}
