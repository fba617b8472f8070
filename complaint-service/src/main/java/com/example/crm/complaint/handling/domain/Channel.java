package com.example.crm.complaint.handling.domain;

/** How a complaint reached us; MAILBOX is the complaint mailbox of docs/domain.md, "Complaint handling". */
public enum Channel {
    PHONE, EMAIL, MAILBOX, VISIT, WEB, LETTER
}
