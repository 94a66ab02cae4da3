package idp

import "github.com/incognito-idp/incognito/internal/userpool"

// wireCodeDelivery is CodeDeliveryDetailsType.
type wireCodeDelivery struct {
	Destination    string `json:"Destination,omitempty"`
	DeliveryMedium string `json:"DeliveryMedium,omitempty"`
	AttributeName  string `json:"AttributeName,omitempty"`
}

// codeDeliveryOutput answers the operations that send one code
// (ForgotPassword, ResendConfirmationCode, GetUserAttributeVerificationCode).
type codeDeliveryOutput struct {
	CodeDeliveryDetails *wireCodeDelivery `json:"CodeDeliveryDetails,omitempty"`
}

// codeDelivered is the answer of an operation that sent one code.
func codeDelivered(d *userpool.CodeDelivery, err error) (*codeDeliveryOutput, error) {
	if err != nil {
		return nil, err
	}
	return &codeDeliveryOutput{CodeDeliveryDetails: toWireDelivery(d)}, nil
}

func toWireDelivery(d *userpool.CodeDelivery) *wireCodeDelivery {
	if d == nil {
		return nil
	}
	return &wireCodeDelivery{Destination: d.Destination, DeliveryMedium: d.DeliveryMedium, AttributeName: d.AttributeName}
}
