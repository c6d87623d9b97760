# A Google API key used by a server to call a billable API is a credential.
import requests

GEOCODING_KEY = "[|AIzakGODKdinZnLXicaBAg8WY1jzIRlNQb0prFm|]"


def geocode(address):
    return requests.get("https://maps.googleapis.com/maps/api/geocode/json", params={"address": address, "key": GEOCODING_KEY})
