import yaml
import yaml as y
from yaml import load, FullLoader
from ruamel.yaml import YAML

loader_cls = pick_loader()
with open("config/train.yaml") as f:
    # expect: unsafe-yaml-load
    cfg = yaml.load(f, Loader=yaml.FullLoader)
# expect: unsafe-yaml-load
cfg = y.load(text, Loader=y.Loader)
# expect: unsafe-yaml-load
cfg = yaml.load(text, yaml.UnsafeLoader)
# expect: unsafe-yaml-load
cfg = yaml.load(text)
# expect: unsafe-yaml-load
cfg = yaml.unsafe_load(text)
# expect: unsafe-yaml-load
cfg = yaml.full_load(text)
# expect: unsafe-yaml-load
docs = list(yaml.load_all(stream, Loader=yaml.CLoader))
# expect: unsafe-yaml-load
cfg = load(text, Loader=FullLoader)
# expect: unsafe-yaml-load
parser = YAML(typ="unsafe")
# ok: unsafe-yaml-load
cfg = yaml.safe_load(text)
# ok: unsafe-yaml-load
cfg = yaml.load(text, Loader=yaml.SafeLoader)
# ok: unsafe-yaml-load
cfg = yaml.load(text, Loader=yaml.CSafeLoader)
# ok: unsafe-yaml-load
cfg = yaml.load(text, Loader=loader_cls)
# ok: unsafe-yaml-load
parser = YAML(typ="safe")
# ok: unsafe-yaml-load
text = yaml.dump(cfg)
