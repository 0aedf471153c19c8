import keras
import tensorflow as tf
from keras.models import load_model

# expect: unsafe-keras-load-model
model = keras.models.load_model("model.keras", safe_mode=True)
# expect: unsafe-keras-load-model
model = tf.keras.models.load_model(path, compile=False, safe_mode=True)
# expect: unsafe-keras-load-model
model = load_model(path, custom_objects=CUSTOM, safe_mode=True)
# expect: unsafe-keras-load-model
layer = keras.saving.deserialize_keras_object(config, safe_mode=True)
# ok: unsafe-keras-load-model
model = keras.models.load_model("model.keras")
# ok: unsafe-keras-load-model
model = keras.models.load_model("model.keras", safe_mode=True)
# ok: unsafe-keras-load-model
model = keras.models.load_model("model.keras", safe_mode=args.unsafe)
