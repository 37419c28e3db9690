// Package smtptest is a small SMTP server for tests: it offers STARTTLS with
// a self-signed certificate made at start, accepts AUTH PLAIN, records every
// message with whether it came over TLS, and can be told to refuse or to
// drop the next messages, so the tests of the mail sender and of the
// notification worker need no outside server.
package smtptest

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"math/big"
	"mime/quotedprintable"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one message the server accepted.
type Message struct {
	From string
	To   []string
	Data []byte
	TLS  bool   // the message came after STARTTLS
	Auth string // the username given with AUTH PLAIN, "" for none
}

// Server is a running test server.
type Server struct {
	Addr string // host:port
	Host string
	Port int

	ln   net.Listener
	cert *x509.Certificate
	tls  *tls.Config

	mu       sync.Mutex
	messages []Message
	replies  []string // what to answer to the next messages' final dot instead of 250; "drop" closes the connection
	attempts int      // messages whose data was fully received, accepted or not
	noTLS    bool
	wg       sync.WaitGroup
}

// Start starts a server on a free local port, stopped when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:     []string{"localhost"},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, ln: ln, cert: cert,
		tls: &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}}
	s.wg.Add(1)
	go s.accept()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

// ClientTLS is a TLS configuration that trusts this server's certificate.
func (s *Server) ClientTLS() *tls.Config {
	pool := x509.NewCertPool()
	pool.AddCert(s.cert)
	return &tls.Config{RootCAs: pool, ServerName: s.Host, MinVersion: tls.VersionTLS12}
}

// WithoutTLS makes the server stop offering STARTTLS.
func (s *Server) WithoutTLS() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noTLS = true
}

// Reply queues answers to the next messages' final dot, one each: a reply
// line such as "451 4.3.0 try later" or "550 5.1.1 no such user", or "drop"
// to close the connection without answering (after reading the message).
func (s *Server) Reply(lines ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replies = append(s.replies, lines...)
}

// Messages returns the messages accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Attempts is how many messages were received whole, accepted or not.
func (s *Server) Attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			c.SetDeadline(time.Now().Add(30 * time.Second))
			s.session(c)
		}()
	}
}

// session speaks SMTP on one connection.
func (s *Server) session(c net.Conn) {
	tc := textproto.NewConn(c)
	tc.PrintfLine("220 smtptest ready")
	var msg Message
	secure := false
	for {
		line, err := tc.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			s.mu.Lock()
			offer := !s.noTLS && !secure
			s.mu.Unlock()
			lines := []string{"smtptest", "8BITMIME", "AUTH PLAIN"}
			if offer {
				lines = append(lines, "STARTTLS")
			}
			for i, l := range lines {
				sep := "-"
				if i == len(lines)-1 {
					sep = " "
				}
				tc.PrintfLine("250%s%s", sep, l)
			}
		case "STARTTLS":
			if secure {
				tc.PrintfLine("503 already secure")
				continue
			}
			tc.PrintfLine("220 go ahead")
			t := tls.Server(c, s.tls)
			if err := t.Handshake(); err != nil {
				return
			}
			c, secure, msg = t, true, Message{}
			tc = textproto.NewConn(t)
		case "AUTH":
			mech, initial, _ := strings.Cut(arg, " ")
			if !strings.EqualFold(mech, "PLAIN") {
				tc.PrintfLine("504 only PLAIN")
				continue
			}
			raw, err := base64.StdEncoding.DecodeString(initial)
			parts := strings.Split(string(raw), "\x00")
			if err != nil || len(parts) != 3 || parts[2] != "secret" {
				tc.PrintfLine("535 5.7.8 authentication failed")
				continue
			}
			msg.Auth = parts[1]
			tc.PrintfLine("235 2.7.0 authenticated")
		case "MAIL":
			msg.From, msg.To, msg.TLS = addr(arg), nil, secure
			tc.PrintfLine("250 2.1.0 ok")
		case "RCPT":
			msg.To = append(msg.To, addr(arg))
			tc.PrintfLine("250 2.1.5 ok")
		case "DATA":
			tc.PrintfLine("354 end with a dot")
			data, err := io.ReadAll(tc.DotReader())
			if err != nil {
				return
			}
			msg.Data = data
			s.mu.Lock()
			s.attempts++
			reply := "250 2.0.0 queued"
			if len(s.replies) > 0 {
				reply, s.replies = s.replies[0], s.replies[1:]
			}
			if strings.HasPrefix(reply, "250") {
				s.messages = append(s.messages, msg)
			}
			s.mu.Unlock()
			if reply == "drop" {
				return
			}
			tc.PrintfLine("%s", reply)
			msg = Message{Auth: msg.Auth}
		case "RSET":
			msg = Message{Auth: msg.Auth}
			tc.PrintfLine("250 ok")
		case "NOOP":
			tc.PrintfLine("250 ok")
		case "QUIT":
			tc.PrintfLine("221 bye")
			return
		default:
			tc.PrintfLine("502 not implemented")
		}
	}
}

// addr takes the address out of "FROM:<a@b> BODY=8BITMIME".
func addr(arg string) string {
	_, rest, _ := strings.Cut(arg, "<")
	a, _, _ := strings.Cut(rest, ">")
	return a
}

// Header reads one header of a message.
func (m Message) Header(name string) string {
	r := textproto.NewReader(bufio.NewReader(strings.NewReader(string(m.Data))))
	h, _ := r.ReadMIMEHeader()
	return h.Get(name)
}

// Body returns a message's body, decoded from quoted-printable.
func (m Message) Body() string {
	_, body, _ := strings.Cut(string(m.Data), "\r\n\r\n")
	if body == "" {
		_, body, _ = strings.Cut(string(m.Data), "\n\n")
	}
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body)))
	if err != nil {
		return body
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}
