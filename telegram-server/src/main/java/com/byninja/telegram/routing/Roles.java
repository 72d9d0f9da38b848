package com.byninja.telegram.routing;

import com.byninja.protocol.commands.Role;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what, by Telegram user id ({@code telegram.users}). The allowed chats still decide which chats are heard
 * at all; within them, each person's commands need their own role, in a group too. With no users configured, every
 * member of an allowed chat is an admin, as before roles existed; the console is always an admin.
 */
public final class Roles {
    private static final Roles EVERYONE_ADMIN = new Roles(Map.of());

    private final Map<Long, Role> users;

    private Roles(Map<Long, Role> users) {
        this.users = Map.copyOf(users);
    }

    /** @return roles by user id; with none, everyone heard is an admin */
    public static Roles of(Map<Long, Role> users) {
        return users.isEmpty() ? EVERYONE_ADMIN : new Roles(users);
    }

    /** @return the roles of the console, or of a server with no users configured: everyone is an admin */
    public static Roles everyoneAdmin() {
        return EVERYONE_ADMIN;
    }

    /** @return the role of user {@code userId}; empty when users are configured and it is not one of them */
    public Optional<Role> of(long userId) {
        return users.isEmpty() ? Optional.of(Role.ADMIN) : Optional.ofNullable(users.get(userId));
    }

    /** @return whether user {@code userId} may run what needs {@code needed} */
    public boolean allows(long userId, Role needed) {
        return of(userId).filter(role -> role.compareTo(needed) >= 0).isPresent();
    }

    /** @return how a message names a role: {@code viewer}, {@code trader} or {@code admin} */
    public static String name(Role role) {
        return role.word();
    }
}
