package com.example.crm.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a JSON body that is the literal {@code null} (400), as every other body that is not what the operation
 * reads. Jackson reads {@code null} as "no object", so an operation whose body is optional would take a malformed
 * request for one without a body: an erasure or an order cancellation went through on it. A request with no body
 * at all is still one without a body.
 */
@Provider
public class NullJsonBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        ContentSeen body = new ContentSeen(context.getInputStream());
        context.setInputStream(body);
        Object read = context.proceed();
        if (read == null && body.seen) {
            throw ProblemException.invalid("body", "must be a JSON object, not null");
        }
        return read;
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    /** Notes whether anything but JSON whitespace went through: a stream decorator, too small for a library. */
    private static final class ContentSeen extends FilterInputStream {
        boolean seen;

        ContentSeen(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            note(b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; !seen && i < n; i++) {
                note(buffer[offset + i]);
            }
            return n;
        }

        private void note(int b) {
            if (b >= 0 && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                seen = true;
            }
        }
    }
}
