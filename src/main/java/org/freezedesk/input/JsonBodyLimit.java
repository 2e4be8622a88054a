package org.freezedesk.input;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every JSON request body: Tomcat's form-size limit does not apply to JSON, and Jackson would read a body of
 * any size into memory. A body declared longer than {@link #MAX_BYTES} is refused with 413 before it is read; one
 * sent without a length stops being read there, which the API answers as an unreadable body (400). Target files
 * ({@code /api/v1/imports}), JSON or not, have their own, larger limit.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    /** Room for a filing of a thousand targets with long notes, many times over. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    /** Target files, whether CSV or JSON (STIX bundles, MISP events), are read by their own, larger bound. */
    static final String TARGET_FILES = "/api/v1/imports";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().contains("json") || TARGET_FILES.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String message = "A JSON body may have at most " + MAX_BYTES / (1024 * 1024) + " MB";
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"" + message + "\",\"errors\":[{\"field\":null,\"message\":\"" + message + "\"}]}");
            return;
        }
        chain.doFilter(new Bounded(request), response);
    }

    /** Reads the body through a counter that gives up past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b != -1) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > MAX_BYTES) {
                        throw new IOException("JSON body longer than " + MAX_BYTES + " bytes");
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
