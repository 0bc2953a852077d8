package se.vardbrygga.adapter.server;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses request bodies over the configured size with 413 and an OperationOutcome: at once when
 * Content-Length says so, or while reading a chunked body as soon as the limit is passed. After a 413 for a declared
 * length, up to {@value #SWALLOW_BYTES} bytes of the body are read and dropped before the connection closes (as
 * Tomcat's maxSwallowSize): closing with the client's body unread resets the connection, and a client still sending
 * would lose the answer.
 */
public final class RequestSizeLimitFilter implements Filter {
    static final int SWALLOW_BYTES = 2 * 1024 * 1024;

    private final long maxBytes;

    public RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > maxBytes) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.setStatus(413);
            out.setContentType("application/fhir+json;charset=utf-8");
            out.setHeader("Connection", "close");
            out.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"too-costly\","
                    + "\"diagnostics\":\"Request body is larger than the limit of " + maxBytes + " bytes\"}]}");
            out.flushBuffer();
            try {
                http.getInputStream().skipNBytes(Math.min(http.getContentLengthLong(), SWALLOW_BYTES));
            } catch (IOException clientStoppedSending) {
                // nothing left to swallow: the answer is out, the connection closes
            }
            return;
        }
        chain.doFilter(new LimitedRequest(http, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private static final long DRAIN_BYTES = 1 << 20;
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                drain();
                throw new PayloadTooLargeException("Request body is larger than the limit of " + maxBytes + " bytes");
            }
        }

        /**
         * Reads and discards the rest of a moderately oversized body (up to max(limit, 1 MiB) more), so
         * that a client still sending it reads the 413 instead of a reset connection; a larger body is
         * cut off when the connection closes.
         */
        private void drain() throws IOException {
            long left = Math.max(maxBytes, DRAIN_BYTES);
            byte[] discard = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(discard, 0, (int) Math.min(discard.length, left))) > 0) {
                left -= n;
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
