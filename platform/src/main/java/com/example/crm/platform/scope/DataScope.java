package com.example.crm.platform.scope;

/** Whose records a role reads, narrowest first (docs/domain.md, "Data scope"). */
public enum DataScope {
    /** the caller's own clients */
    SELF,
    /** the clients owned by anyone in the caller's department */
    DEPARTMENT,
    /** the clients owned by anyone in the caller's department or a department below it */
    DEPARTMENT_AND_BELOW,
    /** every client */
    ALL;

    public DataScope widest(DataScope other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
