package com.example.crm.complaint.domain;

/** How a complaint reached us; MAILBOX is the complaint mailbox of seed 000. */
public enum Channel {
    PHONE, EMAIL, MAILBOX, VISIT, WEB, LETTER
}
