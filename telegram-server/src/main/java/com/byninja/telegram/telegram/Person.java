package com.byninja.telegram.telegram;

import java.util.Objects;

/**
 * Who typed a command or pressed a button: a Telegram user, known by its user id (what roles and confirmations go
 * by) and named as the chat and the audit log show it.
 *
 * @param userId the Telegram user id; {@link #CONSOLE}'s is 0
 * @param name   how to call them: {@code @username} when they have one, else their first name, else {@code user
 *               <id>}
 */
public record Person(long userId, String name) {
    /** Whoever types in console mode, which acts as an admin. */
    public static final Person CONSOLE = new Person(0, "console");

    public Person {
        Objects.requireNonNull(name, "name");
    }

    /**
     * @param username  the Telegram user name, without {@code @}, or null
     * @param firstName the first name, or null
     * @return the person, named by the first of these they have
     */
    public static Person of(long userId, String username, String firstName) {
        if (username != null && !username.isBlank()) {
            return new Person(userId, "@" + username);
        }
        return new Person(userId, firstName != null && !firstName.isBlank() ? firstName : "user " + userId);
    }
}
