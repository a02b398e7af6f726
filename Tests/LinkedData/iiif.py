"""Reads a running archive's IIIF as a viewer would: each manifest named on the command line is loaded by
iiif-prezi3 (PyPI), which validates it against the Presentation API 3 model; each canvas's image and its image
service's info.json are fetched. Ids carry --base-url (BASE); they are fetched from the server's own URL (SERVER).
Prints JSON: {manifest path: {"canvases": n, "images": [content types], "services": [profiles], "sizes": [...]}}.
Usage: iiif.py SERVER BASE PATH..."""
import json
import sys
import urllib.request

from iiif_prezi3 import Manifest


def fetch(url, server, base):
    with urllib.request.urlopen(url.replace(base, server, 1)) as response:
        return response.headers.get("Content-Type"), response.read()


def main():
    server, base, paths = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3:]
    seen = {}
    for path in paths:
        _, body = fetch(server + path, server, base)
        manifest = Manifest(**json.loads(body))  # raises on anything the model refuses
        report = {"id": manifest.id, "canvases": len(manifest.items), "images": [], "services": [], "sizes": []}
        for canvas in manifest.items:
            annotation = canvas.items[0].items[0]
            image_type, image = fetch(annotation.body.id, server, base)
            report["images"].append(image_type if image[:2] == b"\xff\xd8" else "not a JPEG")
            service = annotation.body.service[0]
            _, info = fetch(service.id + "/info.json", server, base)
            info = json.loads(info)
            report["services"].append(info["profile"])
            for size in info["sizes"]:
                kind, _ = fetch(f"{service.id}/full/{size['width']},{size['height']}/0/default.jpg", server, base)
                report["sizes"].append(kind)
        seen[path] = report
    json.dump(seen, sys.stdout)


if __name__ == "__main__":
    main()
