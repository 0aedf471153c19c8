import keras
import tensorflow as tf
from keras import config as kconfig


def load_legacy(path):
    # expect: keras-unsafe-deserialization-enabled
    keras.config.enable_unsafe_deserialization()
    return keras.models.load_model(path)


# expect: keras-unsafe-deserialization-enabled
tf.keras.config.enable_unsafe_deserialization()
# expect: keras-unsafe-deserialization-enabled
kconfig.enable_unsafe_deserialization()
# ok: keras-unsafe-deserialization-enabled
keras.config.set_floatx("float32")
