package com.example.crm.complaint.handling.application;

import com.example.crm.complaint.handling.domain.Complaint;

/** The satisfaction survey a resolution opens; provided by the surveys feature. */
public interface SatisfactionSurveys {

    /** Opens the survey of a complaint just resolved; the token that answers it (shown once). */
    String open(Complaint complaint);
}
