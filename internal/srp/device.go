package srp

import (
	"encoding/base64"
	"io"
	"math/big"
)

// deviceSaltLen and devicePasswordLen are what the clients' generateHashDevice
// draws: 16 bytes of salt, 40 bytes of password (sent as base64).
const (
	deviceSaltLen     = 16
	devicePasswordLen = 40
	maxDeviceSaltLen  = 256
)

// DeviceSecret is what a client makes when it remembers a device: the random
// device password it keeps, and the DeviceSecretVerifierConfig it sends with
// ConfirmDevice.
type DeviceSecret struct {
	Password         string // base64 of 40 random bytes; the SRP password of the device
	PasswordVerifier string // DeviceSecretVerifierConfig.PasswordVerifier: base64(padHex(v))
	Salt             string // DeviceSecretVerifierConfig.Salt: base64(padHex(salt))
}

// NewDeviceSecret does what generateHashDevice does in the clients, for
// Incognito's Go tests and load generator: a random password and salt, and
// v = g^x with "pool name" = deviceGroupKey and user = deviceKey.
func NewDeviceSecret(rand io.Reader, deviceGroupKey, deviceKey string) (DeviceSecret, error) {
	buf := make([]byte, devicePasswordLen+deviceSaltLen)
	if _, err := io.ReadFull(rand, buf); err != nil {
		return DeviceSecret{}, ErrRandom
	}
	password := base64.StdEncoding.EncodeToString(buf[:devicePasswordLen])
	salt := new(big.Int).SetBytes(buf[devicePasswordLen:])
	x := computeX(deviceGroupKey, deviceKey, password, salt)
	v := expG(x)
	return DeviceSecret{
		Password:         password,
		PasswordVerifier: base64.StdEncoding.EncodeToString(padBytes(v)),
		Salt:             base64.StdEncoding.EncodeToString(padBytes(salt)),
	}, nil
}

// DecodeDeviceVerifierConfig reads ConfirmDevice's DeviceSecretVerifierConfig
// (base64 of the padHex bytes of v and of the salt) into the salt and
// verifier the server stores; the verifier comes back as nLen bytes, ready for
// NewServerState and VerifyClaim, the salt as sent (send it as HexSalt).
func DecodeDeviceVerifierConfig(passwordVerifierB64, saltB64 string) (salt, verifier []byte, err error) {
	vb, err := base64.StdEncoding.DecodeString(passwordVerifierB64)
	if err != nil || len(vb) > nLen+1 {
		return nil, nil, ErrInvalidVerifier
	}
	v, ok := parseVerifier(vb)
	if !ok {
		return nil, nil, ErrInvalidVerifier
	}
	salt, err = base64.StdEncoding.DecodeString(saltB64)
	if err != nil || len(salt) == 0 || len(salt) > maxDeviceSaltLen {
		return nil, nil, ErrInvalidSalt
	}
	return salt, v.FillBytes(make([]byte, nLen)), nil
}
