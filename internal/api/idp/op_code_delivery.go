package idp

import "github.com/incognito-idp/incognito/internal/userpool"

// wireCodeDelivery is CodeDeliveryDetailsType.
type wireCodeDelivery struct {
	Destination    string `json:"Destination,omitempty"`
	DeliveryMedium string `json:"DeliveryMedium,omitempty"`
	AttributeName  string `json:"AttributeName,omitempty"`
}

func toWireDelivery(d *userpool.CodeDelivery) *wireCodeDelivery {
	if d == nil {
		return nil
	}
	return &wireCodeDelivery{Destination: d.Destination, DeliveryMedium: d.DeliveryMedium, AttributeName: d.AttributeName}
}
