package authflow

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/incognito-idp/incognito/internal/srp"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// sessionValidity bounds the PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED
// steps. Cognito asks for the
// answer "within a few seconds"; the client's AuthSessionValidity (3-15
// minutes) is the ceiling we apply.
func sessionValidity(c *userpool.Client) time.Duration {
	m := c.AuthSessionValidity
	if m < 3 || m > 15 {
		m = 3
	}
	return time.Duration(m) * time.Minute
}

// startSRP answers USER_SRP_AUTH with the PASSWORD_VERIFIER challenge.
func (s *Service) startSRP(ctx context.Context, pool *userpool.Pool, client *userpool.Client, params map[string]string) (*Result, error) {
	username := params["USERNAME"]
	if username == "" {
		return nil, errMissing("USERNAME")
	}
	if params["SRP_A"] == "" {
		return nil, errMissing("SRP_A")
	}
	if err := checkSecretHash(client, username, params["SECRET_HASH"]); err != nil {
		return nil, err
	}
	st := state{PoolID: pool.ID, ClientID: client.ClientID, Challenge: ChallengePasswordVerifier,
		Expires: s.now().Add(sessionValidity(client)).Unix()}
	var salt, verifier []byte
	user, err := s.pools.FindUser(ctx, pool, username)
	switch {
	case err == nil:
		if err := s.pools.CheckLockout(user); err != nil {
			return nil, err
		}
		salt, verifier = user.Private.PasswordSalt, user.Private.PasswordVerifier
		st.UserKey, st.Username = user.Key, user.Username
	case userpool.IsCode(err, userpool.UserNotFound) && preventsExistenceErrors(client):
		// A decoy challenge that will fail like a wrong password.
		salt, verifier = s.decoy(pool.ID, username)
		st.Fake, st.Username = true, s.decoyUsername(pool, username)
	default:
		return nil, err
	}
	if len(verifier) == 0 {
		// A user without a password (federated, or created without
		// one) cannot pass SRP; answer as Cognito does for a bad password.
		salt, verifier = s.decoy(pool.ID, username)
		st.Fake = true
	}
	server, err := srp.NewServerState(s.rand, verifier)
	if err != nil {
		return nil, err
	}
	st.SRPKey, err = srp.ServerSessionKey(server, verifier, params["SRP_A"])
	if err != nil {
		return nil, userpool.Invalid("SRP_A is not a valid SRP public value")
	}
	st.ID = newID(s.rand)
	return &Result{
		ChallengeName: ChallengePasswordVerifier,
		Session:       s.seal(st, adSession),
		ChallengeParameters: map[string]string{
			"SALT":            srp.HexSalt(salt),
			"SRP_B":           srp.HexB(server),
			"SECRET_BLOCK":    s.seal(st, adSecretBlock),
			"USERNAME":        st.Username,
			"USER_ID_FOR_SRP": st.Username,
		},
	}, nil
}

// decoyUsername is the USER_ID_FOR_SRP of a decoy challenge: the name as
// typed, except in pools where users sign in with an email address or
// phone number, whose internal usernames are UUIDs; there a stable UUID
// derived from the name keeps the decoy from standing out.
func (s *Service) decoyUsername(pool *userpool.Pool, name string) string {
	if len(pool.UsernameAttributes) == 0 {
		return name
	}
	m := hmac.New(sha256.New, s.decoyKey)
	m.Write([]byte("username\x00" + pool.ID + "\x00" + name))
	id, err := uuid.NewRandomFromReader(bytes.NewReader(m.Sum(nil)))
	if err != nil {
		panic("authflow: decoy username: " + err.Error()) // 32 bytes suffice
	}
	return id.String()
}

// decoy derives a stable fake salt and verifier for a name.
func (s *Service) decoy(poolID, name string) (salt, verifier []byte) {
	m := hmac.New(sha256.New, s.decoyKey)
	m.Write([]byte(poolID + "\x00" + name))
	sum := m.Sum(nil)
	salt = sum[:16]
	// g^x for x from the keyed hash: nobody knows a password for it.
	_, verifier, err := srp.NewVerifier(bytes.NewReader(sum), srp.PoolName(poolID), name, hex.EncodeToString(sum))
	if err != nil {
		panic("authflow: decoy verifier: " + err.Error()) // 32 bytes always suffice for the salt
	}
	return salt, verifier
}

// verifyPassword answers PASSWORD_VERIFIER. The state comes from
// SECRET_BLOCK; a Session, when given, must belong to the same challenge.
// A SECRET_BLOCK that is not ours reads as a wrong password, the answer to
// any claim that does not check out. The state's ID becomes the session's
// origin_jti, so an answer replayed after it succeeded is refused.
func (s *Service) verifyPassword(ctx context.Context, pool *userpool.Pool, client *userpool.Client, in RespondInput) (*Result, error) {
	r := in.Responses
	for _, name := range []string{"USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP"} {
		if r[name] == "" {
			return nil, errMissing(name)
		}
	}
	block := r["PASSWORD_CLAIM_SECRET_BLOCK"]
	st, err := s.openRaw(block, adSecretBlock)
	if errors.Is(err, errUnsealable) {
		return nil, errIncorrect()
	}
	if err != nil {
		return nil, err
	}
	if in.Session != "" {
		sess, err := s.open(in.Session, adSession)
		if err != nil || sess.ID != st.ID {
			return nil, errSessionExpired
		}
	}
	if st.PoolID != pool.ID || st.ClientID != client.ClientID || st.Challenge != ChallengePasswordVerifier {
		return nil, errSessionExpired
	}
	if err := checkSecretHash(client, st.Username, r["SECRET_HASH"]); err != nil {
		return nil, err
	}
	ts, err := srp.ParseTimestamp(r["TIMESTAMP"])
	if err != nil {
		return nil, userpool.Invalid("TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.")
	}
	if d := s.now().Sub(ts); d > timestampSkew || d < -timestampSkew {
		return nil, errIncorrect()
	}
	if st.Fake {
		return nil, errIncorrect()
	}
	user, err := s.pools.FindUser(ctx, pool, st.Username)
	if err != nil || user.Key != st.UserKey {
		return nil, errIncorrect()
	}
	// USERNAME names the user being signed in: USER_ID_FOR_SRP as the
	// clients send it, or another name of the same user.
	if r["USERNAME"] != st.Username {
		named, err := s.pools.FindUser(ctx, pool, r["USERNAME"])
		if err != nil || named.Key != user.Key {
			return nil, errIncorrect()
		}
	}
	if err := s.pools.CheckLockout(user); err != nil {
		return nil, err
	}
	secretBlock, _ := base64.StdEncoding.DecodeString(block)
	if !srp.CheckSignature(st.SRPKey, srp.PoolName(pool.ID), st.Username, secretBlock, r["TIMESTAMP"], r["PASSWORD_CLAIM_SIGNATURE"]) {
		return nil, s.pools.RecordSignInFailure(ctx, user, errIncorrect())
	}
	return s.afterPassword(ctx, pool, client, user, st.ID)
}

// timestampSkew is how far TIMESTAMP may be from the server's clock.
// Cognito wants the answer "within a few seconds"; clients' clocks drift,
// so a few minutes either way are allowed.
const timestampSkew = 5 * time.Minute
