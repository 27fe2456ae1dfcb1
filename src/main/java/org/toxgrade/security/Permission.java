package org.toxgrade.security;

/** SMART App Launch v2 interaction permissions: create, read, update, delete, search. */
public enum Permission {

    C, R, U, D, S;

    public String letter() {
        return name().toLowerCase();
    }
}
