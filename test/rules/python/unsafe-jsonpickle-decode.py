import jsonpickle
from jsonpickle import decode as jp_decode

# expect: unsafe-jsonpickle-decode
pipeline = jsonpickle.decode(request.get_data(as_text=True))
# expect: unsafe-jsonpickle-decode
state = jp_decode(open("state.json").read())
# ok: unsafe-jsonpickle-decode
text = jsonpickle.encode(pipeline)
# ok: unsafe-jsonpickle-decode
state = json.loads(open("state.json").read())
